import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      ".neo4j/",
      ".tools/",
      "coverage/",
      "schema/",
      ".tmp/",
      ".neo4j-bench/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver()] },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "import-x/no-cycle": "error",
      // The layers, by direction: graphql → services → repositories → db, with model shared by all.
      // Type-only imports count too: the rule is about which way the code depends.
      // docs/architecture.md has the same table in prose; keep the two in step.
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: "src/graphql",
              from: ["src/db", "src/repositories", "src/seeds"],
              message:
                "graphql/ talks to services/ only: call a service (src/services) and take record types from src/model.",
            },
            {
              target: "src/services",
              from: "src/graphql",
              message:
                "services/ must not know the GraphQL layer: return plain records (src/model) and let resolvers map them.",
            },
            {
              target: "src/services",
              from: "src/db",
              message:
                "services/ reach the database through repositories: use a repository (or its unit of work, src/repositories/store.ts) and pure helpers from src/model.",
            },
            {
              target: "src/repositories",
              from: ["src/services", "src/graphql"],
              message:
                "repositories/ sit below services/: move the shared type to src/model (or src/seeds) and import it from there.",
            },
            {
              target: "src/db",
              from: ["src/graphql", "src/services", "src/repositories", "src/loaders"],
              message:
                "db/ is the bottom layer: it may use src/model, src/config and src/errors, never a layer above it. Move the shared piece down.",
            },
            {
              target: "src/model",
              from: "src",
              except: ["./model"],
              message:
                "src/model holds pure shared types and helpers and imports nothing else from src/: move the dependency into src/model or the code out of it.",
            },
            {
              target: "src",
              from: ["scripts", "bench"],
              message:
                "The production runtime must not carry dev tooling: scripts/ and bench/ may import src/, not the other way round. Run the script from package.json instead.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read GraphQL JSON responses, which are untyped by nature; asserting on them is the test.
    files: ["test/**/*.ts", "src/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    files: ["**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
