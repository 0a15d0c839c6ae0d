import { METHOD_NAME_ALL, type Result, type Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

type Route<T> = [method: string, path: string, handler: T];

const smartRouter = <T>(routes: readonly Route<T>[]): Router<T> => {
  const router = new SmartRouter<T>({ routers: [new RegExpRouter(), new TrieRouter()] });
  for (const route of routes) router.add(...route);
  return router;
};

/**
 * Hono's own choice (RegExpRouter, or TrieRouter for every route when one path is beyond it), made
 * for each method apart. RegExpRouter cannot hold a fixed segment beside a parameter at the same
 * place (`GET /promises/lookup` and `GET /promises/{id}`, both public), and Hono's default then
 * matches every request with the slower TrieRouter (about 3% of the server's CPU in a profile). A
 * method's routes (with the routes for every method, in the order they were added, as Hono
 * composes them) decide for that method alone, so only GET pays for the promises' paths.
 */
export class PerMethodRouter<T> implements Router<T> {
  name = 'PerMethodRouter';
  #routes: Route<T>[] | undefined = [];
  #routers = new Map<string, Router<T>>();
  #anyMethod: Router<T> | undefined;

  add(method: string, path: string, handler: T): void {
    if (!this.#routes) throw new Error('Can not add a route since the matcher is already built.');
    this.#routes.push([method, path, handler]);
  }

  match(method: string, path: string): Result<T> {
    if (this.#routes) this.#build(this.#routes);
    return (this.#routers.get(method) ?? this.#anyMethod!).match(method, path);
  }

  /** Which router each method named by a route has settled on (Hono names it after its first match). */
  activeRouterNames(): Record<string, string> {
    return Object.fromEntries([...this.#routers].map(([method, router]) => [method, router.name]));
  }

  #build(routes: Route<T>[]) {
    this.#routes = undefined;
    const methods = new Set(routes.map(([method]) => method).filter((m) => m !== METHOD_NAME_ALL));
    for (const method of methods) {
      const own = routes.filter(([m]) => m === method || m === METHOD_NAME_ALL);
      this.#routers.set(method, smartRouter(own));
    }
    this.#anyMethod = smartRouter(routes.filter(([m]) => m === METHOD_NAME_ALL));
  }
}
