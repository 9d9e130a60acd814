// The build-time modules made by vite-plugin.ts; src/bridge/content.ts gives them their types.
declare module 'virtual:scenarios' {
  const data: unknown;
  export default data;
}

// The content hashes of the shipped scenarios alone (for the opponent's worker).
declare module 'virtual:scenario-hashes' {
  const hashes: string[];
  export default hashes;
}

// The address of the opponent's worker module (src/ai/workerPlugin.ts).
declare module 'virtual:opponent-worker-url' {
  const url: string;
  export default url;
}
