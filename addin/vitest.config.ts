import { defineConfig } from "vitest/config";

// Dates render in local time: pin it so expectations hold on every machine.
process.env.TZ = "UTC";

export default defineConfig({
  test: {
    environment: "happy-dom",
    environmentOptions: {
      happyDOM: {
        url: "https://localhost:5180/addin/taskpane.html",
        settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
      },
    },
    include: ["test/**/*.test.ts"],
    env: { TZ: "UTC" },
    restoreMocks: true,
    unstubGlobals: true,
  },
});
