import { base, pure } from "@uketsuke/eslint-config";

export default [...base, ...pure];
