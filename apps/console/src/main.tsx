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
      <BrowserRouter basename="/console">
        <App />
      </BrowserRouter>
    </WebProvider>
  </StrictMode>,
);
