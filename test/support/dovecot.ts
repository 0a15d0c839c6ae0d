import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { waitUntil } from './wait-until.js';
import { freePort } from './free-port.js';

export const dovecotBinary = '/usr/sbin/dovecot';

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export type Dovecot = {
  port: number;
  user: string;
  password: string;
  /** Runs doveadm against this server's configuration. */
  doveadm(args: string[]): string;
  stop(): Promise<void>;
};

/**
 * A real IMAP server for a test: Debian's dovecot with its own configuration in a temporary
 * folder, one passwd-file user with a maildir, listening on a free port on 127.0.0.1. No system
 * service is touched; stop() ends the process this started and removes the folder.
 */
export async function startDovecot(): Promise<Dovecot> {
  if (!existsSync(dovecotBinary))
    throw new Error(`${dovecotBinary} is missing: apt-get install dovecot-imapd (.ci/run does)`);
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-dovecot-'));
  const port = await freePort();
  const user = 'agent';
  const password = 'imap-secret';
  const me = userInfo();
  // Dovecot never gives mail access to root: as root, the maildir belongs to Debian's `mail` user.
  const mailUser = me.uid === 0 ? { uid: 8, gid: 8 } : { uid: me.uid, gid: me.gid };
  await chmod(dir, 0o755);
  for (const sub of ['run', 'state', 'mail', 'home']) await mkdir(path.join(dir, sub), { recursive: true });
  for (const sub of ['mail', 'home']) await chown(path.join(dir, sub), mailUser.uid, mailUser.gid);
  await writeFile(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}:::::\n`);
  const config = path.join(dir, 'dovecot.conf');
  await writeFile(
    config,
    [
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `log_path = ${dir}/dovecot.log`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `default_internal_user = ${me.username}`,
      `default_login_user = ${me.username === 'root' ? 'dovenull' : me.username}`,
      me.username === 'root' ? '' : `default_internal_group = ${me.username}`,
      `mail_location = maildir:${dir}/mail/%u`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      `passdb {\n  driver = passwd-file\n  args = ${dir}/passwd\n}`,
      `first_valid_uid = ${mailUser.uid}`,
      `userdb {\n  driver = static\n  args = uid=${mailUser.uid} gid=${mailUser.gid} home=${dir}/home/%u\n}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(dovecotBinary, ['-F', '-c', config], { stdio: 'ignore' });
  await waitUntil('dovecot to listen', () => canConnect(port), 15_000);
  return {
    port,
    user,
    password,
    doveadm: (args) => execFileSync('/usr/bin/doveadm', ['-c', config, ...args], { encoding: 'utf8' }),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
