// The interactive API docs: Swagger UI, served from the installed swagger-ui-py package
// (/api/docs/assets/), never a CDN, so /api/docs works offline.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
