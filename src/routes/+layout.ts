// Every page is prerendered to static HTML (adapter-static); there is no server.
export const prerender = true;
export const trailingSlash = 'never';
