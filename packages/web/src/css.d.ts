// Stylesheets imported for their effect (uPlot's); the apps' Vite builds bundle them.
declare module "*.css";
