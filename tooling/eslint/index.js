// One rule set for every package. Packages spread `base`; packages/domain adds `pure`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const ignores = { ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/coverage/**"] };

/** Configuration comes from each deployable's env.ts; everything else takes it as parameters. */
const noProcessEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read configuration in the deployable's env.ts and pass it in; process.env is banned elsewhere.",
};

export const base = tseslint.config(ignores, js.configs.recommended, ...tseslint.configs.recommended, {
  files: ["**/*.{ts,tsx}"],
  rules: {
    "@typescript-eslint/consistent-type-imports": "error",
    "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    "no-restricted-syntax": ["error", noProcessEnv],
  },
}, {
  files: ["**/env.ts", "**/*.test.ts", "**/test/**", "**/bench/**", "**/scripts/**"],
  rules: { "no-restricted-syntax": "off" },
});

/**
 * packages/domain is pure: no I/O, no framework, no clock. Time is always an argument, so the
 * rules can be tested at any instant and the server and apps agree on what "now" meant.
 */
export const pure = tseslint.config({
  files: ["src/**/*.ts"],
  ignores: ["src/**/*.test.ts"],
  rules: {
    "no-restricted-imports": ["error", {
      patterns: [
        { regex: "^node:", message: "packages/domain is pure: no node: modules." },
        { regex: "^(fs|path|os|child_process|net|http|https|crypto|worker_threads)$", message: "packages/domain is pure: no I/O." },
        { regex: "^(better-sqlite3|kysely|pg|hono|@hono/.*|@trpc/.*|react|react-dom|nodemailer)$", message: "packages/domain is pure: no database, server, mail or UI framework." },
      ],
    }],
    "no-restricted-syntax": ["error",
      noProcessEnv,
      { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "packages/domain reads no clock: take the instant as an argument." },
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "packages/domain reads no clock: take the instant as an argument." },
      { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: "packages/domain reads no clock." },
      { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "packages/domain is deterministic: take randomness as an argument." },
    ],
    "no-restricted-globals": ["error", "fetch", "process", "setTimeout", "setInterval", "localStorage", "document", "window"],
  },
});
