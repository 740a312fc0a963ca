import { base } from "@uketsuke/eslint-config";

export default base;
