/// <reference types="vite/client" />

// Map data in data/ is loaded as JSON by the `regietafel-topojson` plugin in vite.config.ts.
declare module '*.topojson' {
  const topology: import('topojson-specification').Topology;
  export default topology;
}
