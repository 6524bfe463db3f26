import { App } from './App';

/**
 * Everything behind the sign-in page (one lazily loaded part): the route table, the plain layout and the
 * pages. antd loads separately (AntScope), so the layout paints before antd's chunk has arrived.
 */
export default function SignedInApp() {
  return <App />;
}
