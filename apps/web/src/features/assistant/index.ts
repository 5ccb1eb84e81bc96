// The assistant (issue 6): the chat panel over every resident page and the /tro-ly page, one lazy
// chunk. Only the launcher button (launcher.tsx) is in the first-load bundle.
export { AssistantPage } from './assistant-page';
export { AssistantPanel } from './panel';
