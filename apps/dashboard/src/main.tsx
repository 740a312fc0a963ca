import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { createApiClient, createQueryClient, WebProvider } from "@uketsuke/web";
import "@uketsuke/web/base.css";
import "./ui/dashboard.css";
import { App } from "./app.tsx";
import { prefetchHomeOnSignIn } from "./features/home/home-queries.ts";

const queryClient = createQueryClient();
const apiClient = createApiClient();
prefetchHomeOnSignIn(queryClient, apiClient);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <WebProvider queryClient={queryClient} apiClient={apiClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </WebProvider>
  </StrictMode>,
);
