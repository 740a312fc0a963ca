import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server serves the built app at `/` (one origin, no CORS); in development Vite serves it
// and hands /trpc (HTTP and SSE) to the server on :3000.
export default defineConfig({
  base: "/",
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/trpc": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: {
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: false,
  },
});
