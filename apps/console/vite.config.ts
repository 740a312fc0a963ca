import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where `pnpm dev` finds the API: the server's own dev process. */
const API = "http://127.0.0.1:3000";

export default defineConfig({
  base: "/console/",
  plugins: [react()],
  build: { target: "es2022", sourcemap: true },
  server: {
    port: 5174,
    proxy: {
      "/trpc": {
        target: API,
        // The server refuses cross-site mutations by Origin; through the proxy the page's origin
        // is Vite's, so present the server's own.
        headers: { origin: API },
      },
    },
  },
});
