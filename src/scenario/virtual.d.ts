// The build-time module made by vite-plugin.ts; src/bridge/content.ts gives it its type.
declare module 'virtual:scenarios' {
  const data: unknown;
  export default data;
}
