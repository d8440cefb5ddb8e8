import { mustSwitchyard } from './lab-fixture';

/**
 * The seed page's commands as Switchyard runs them in the lab, one function per step, so each test
 * file sets up exactly the sections it builds on. The seed's own command is quoted above each one.
 */

/** Binding ids the replay uses. */
export const ids = { web: 'web', importNc: 'nc-3322', route: 'route-4433' } as const;

/** `host2$ weave expose` → 10.2.1.132 */
export const exposeHost2 = () => mustSwitchyard('host2', ['expose', '10.2.1.132/16', '--bridge', 'weave']);

/** `host1$ weave expose -h host1.weave.local` → 10.2.1.3 */
export const exposeHost1 = () => mustSwitchyard('host1', ['expose', '10.2.1.3/16', '--bridge', 'weave', '--name', 'host1.weave.local']);

/** `host2$ iptables -t nat -A PREROUTING -p tcp -i eth0 --dport 2211 -j DNAT --to-destination $(weave dns-lookup a1):4422` */
export const exportA1 = () => mustSwitchyard('host2', ['export', '--port', '2211', '--in', 'eth0', '--to', 'a1:4422', '--id', ids.web]);

/** `host1$ iptables -t nat -A PREROUTING -p tcp -d 10.2.1.3 --dport 3322 -j DNAT --to-destination $HOST3:2211` */
export const importHost3 = () =>
  mustSwitchyard('host1', ['import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', ids.importNc]);

/** `host2$ iptables -t nat -A PREROUTING -p tcp -i eth0 --dport 4433 -j DNAT --to-destination 10.2.1.3:3322` */
export const routeViaHost2 = () =>
  mustSwitchyard('host2', ['export', '--port', '4433', '--in', 'eth0', '--to', '10.2.1.3:3322', '--id', ids.route]);

/** Moving the service: the import's NAT rule changed to `$HOST4:2211` (or back to `$HOST3:2211`). */
export const moveImportTo = (target: '192.168.4.4:2211' | '192.168.1.3:2211') => mustSwitchyard('host1', ['rebind', ids.importNc, '--to', target]);

/** The whole route of "Routing Services": HOST1's import of HOST3, and HOST2's export of it to the outside world. */
export async function seedRoute(): Promise<void> {
  await exposeHost1();
  await importHost3();
  await exposeHost2();
  await routeViaHost2();
}
