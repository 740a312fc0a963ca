import "@uketsuke/web/base.css";
import "./console.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { createApiClient, createQueryClient, WebProvider } from "@uketsuke/web";
import { App } from "./app.tsx";

const queryClient = createQueryClient();
const apiClient = createApiClient("/trpc");

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <WebProvider queryClient={queryClient} apiClient={apiClient}>
      {/* No transitions: answering a call must draw its page at once, not at background priority. */}
      <BrowserRouter basename="/console" useTransitions={false}>
        <App />
      </BrowserRouter>
    </WebProvider>
  </StrictMode>,
);
