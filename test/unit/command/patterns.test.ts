import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrationCommand, migrationImage } from '../../../server/src/service/command/patterns/migration';
import { agentImage, longRunningCommand, longRunningImage } from '../../../server/src/service/command/patterns/longRunning';
import { endsByItself } from '../../../server/src/service/command/patterns/oneShot';
import { credentialValue, inlineSecret, secretLikeName } from '../../../server/src/service/command/patterns/secrets';
import { podSettable, procSysTarget, safeSince, sysctlWrites } from '../../../server/src/service/command/patterns/sysctl';
import { localPortsInText, localTargets, networkClient, socketPaths } from '../../../server/src/service/command/patterns/network';
import { riskyWrites } from '../../../server/src/service/command/patterns/idempotency';
import { attemptTimeout } from '../../../server/src/service/command/patterns/timeouts';

const argv = (s: string): string[] => s.split(' ');

describe('patterns: migration tools (W04)', () => {
  it('matches migration commands', () => {
    const yes: Array<[string, string]> = [
      ['python manage.py migrate --noinput', 'manage.py migrate'],
      ['./manage.py migrate', 'manage.py migrate'],
      ['django-admin migrate', 'manage.py migrate'],
      ['alembic upgrade head', 'alembic upgrade'],
      ['python -m alembic upgrade head', 'alembic upgrade'],
      ['bundle exec rake db:migrate', 'rake db:migrate'],
      ['bin/rails db:prepare', 'rake db:migrate'],
      ['npx prisma migrate deploy', 'prisma migrate deploy'],
      ['flyway -url=jdbc:postgresql://db/app migrate', 'flyway migrate'],
      ['liquibase --changelog-file=c.xml update', 'liquibase update'],
      ['goose -dir /m postgres postgres://db up', 'goose up'],
      ['dbmate --wait up', 'dbmate up'],
      ['npx knex migrate:latest', 'knex migrate'],
      ['npx sequelize-cli db:migrate', 'sequelize db:migrate'],
      ['atlas migrate apply --url postgres://db', 'atlas migrate apply'],
      ['php artisan migrate --force', 'artisan migrate'],
      ['migrate -path /migrations -database postgres://db up', 'migrate up'],
      ['npm run migrate:deploy', 'npm run migrate'],
      ['exec timeout 600 ./migrate.sh', 'migrate.sh'],
      ['/app/run-migrations', 'run-migrations'],
    ];
    for (const [cmd, tool] of yes) assert.equal(migrationCommand(argv(cmd)), tool, cmd);
  });
  it('does not match read-only sub-commands, waiters or unrelated programs', () => {
    const no = [
      'python manage.py showmigrations', 'python manage.py migrate --check', 'python manage.py collectstatic', 'alembic current',
      'npx prisma migrate status', 'flyway info', 'flyway validate', 'liquibase status', 'migrate -path /m -database x version',
      'goose status', 'dbmate wait', 'atlas migrate lint', 'npm run migrate:status', 'wait-for-migrations', 'k8s-wait-for job migrate',
      'kubectl wait --for=condition=complete job/migrate', 'psql -c select', 'nc -z db 5432', 'echo migrate', './check-migrations.sh', 'npm start',
    ];
    for (const cmd of no) assert.equal(migrationCommand(argv(cmd)), undefined, cmd);
  });
  it('matches migration images by repository, not by tag', () => {
    assert.equal(migrationImage('migrate/migrate:v4.17.1', ['-path', '/m', 'up']), 'golang-migrate');
    assert.equal(migrationImage('flyway/flyway:10.17', ['migrate']), 'Flyway');
    assert.equal(migrationImage('docker.io/liquibase/liquibase:4.29', []), 'Liquibase');
    assert.equal(migrationImage('ghcr.io/acme/migrate:3.2.0', []), 'image migrate');
    assert.equal(migrationImage('myapp-migrator:1.0', []), 'image myapp-migrator');
    assert.equal(migrationImage('flyway/flyway:10.17', ['info']), undefined);
    assert.equal(migrationImage('ghcr.io/acme/app:migrate-3', []), undefined);
    assert.equal(migrationImage('groundnuty/k8s-wait-for:v2.0', ['job', 'migrate']), undefined);
    assert.equal(migrationImage('ghcr.io/acme/wait-for-migrations:1', []), undefined);
    assert.equal(migrationImage('busybox:1.36', []), undefined);
  });
});

describe('patterns: long-running programs and agent images (W01, W03, W12)', () => {
  it('matches daemons', () => {
    const yes: Array<[string, string]> = [
      ['sleep infinity', 'sleep infinity'], ['sleep 365d', 'sleep infinity'], ['tail -f /dev/null', 'tail -f'], ['tail -F /var/log/app.log', 'tail -f'],
      ['tail -n0 -F /x', 'tail -f'], ['/usr/local/bin/pilot-agent proxy sidecar', 'Istio proxy'], ['envoy -c /etc/envoy/envoy.yaml', 'Envoy'],
      ['/cloud-sql-proxy --port=5432 p:r:db', 'Cloud SQL Auth Proxy'], ['vault agent -config=/vault/config.hcl', 'Vault Agent'],
      ['/fluent-bit/bin/fluent-bit -c /fluent-bit/etc/fluent-bit.conf', 'Fluent Bit'], ['git-sync --repo=https://x --period=60s', 'git-sync'],
      ["nginx -g daemon\\ off;", 'nginx'], ['exec redis-server /etc/redis.conf', 'redis-server'], ['python3 -m http.server 8080', 'python -m http.server'],
      ['socat TCP-LISTEN:8080,fork TCP:db:5432', 'socat listener'],
    ];
    for (const [cmd, label] of yes) assert.equal(longRunningCommand(argv(cmd))?.label, label, cmd);
  });
  it('does not match programs that finish', () => {
    const no = ['sleep 10', 'sleep 3600', 'tail -n 20 /x', 'pilot-agent istio-iptables -p 15001', 'pilot-agent wait', 'vault agent -config=x -exit-after-auth',
      'vault kv get secret/x', 'git-sync --repo=https://x --one-time', 'git-sync --one-time=true', 'nginx -t', 'envoy --version', 'fluent-bit --dry-run', 'cp a b', 'ncat --recv-only peer 3307'];
    for (const cmd of no) assert.equal(longRunningCommand(argv(cmd)), undefined, cmd);
    assert.equal(longRunningCommand(['git-sync'], new Map([['GITSYNC_ONE_TIME', 'true']])), undefined);
    assert.equal(longRunningCommand(['git-sync'], new Map([['GIT_SYNC_ONE_TIME', 'true']])), undefined);
  });
  it('knows agent images and what their entrypoint runs', () => {
    assert.equal(longRunningImage('docker.io/istio/proxyv2:1.23.2', ['proxy', 'sidecar'])?.kind, 'mesh');
    assert.equal(longRunningImage('registry.istio.io/testing/proxyv2:latest', ['istio-iptables', '-p', '15001']), undefined);
    assert.equal(longRunningImage('cr.l5d.io/linkerd/proxy:stable-2.14.10', [])?.label, 'Linkerd proxy');
    assert.equal(longRunningImage('cr.l5d.io/linkerd/proxy-init:v2.2.3', []), undefined);
    assert.equal(longRunningImage('gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0', ['--port=5432', 'p:r:db'])?.kind, 'db-proxy');
    assert.equal(longRunningImage('gcr.io/cloudsql-docker/gce-proxy:1.33.2', [])?.kind, 'db-proxy');
    assert.equal(longRunningImage('fluent/fluent-bit:3.1.9', ['-i', 'tail', '-o', 'stdout'])?.label, 'Fluent Bit');
    assert.equal(longRunningImage('otel/opentelemetry-collector-contrib:0.108.0', [])?.kind, 'telemetry');
    assert.equal(longRunningImage('gcr.io/datadoghq/agent:7', [])?.kind, 'telemetry');
    assert.equal(longRunningImage('registry.k8s.io/git-sync', ['-v=5'])?.label, 'git-sync');
    assert.equal(longRunningImage('registry.k8s.io/git-sync/git-sync:v4.2.4', ['--one-time']), undefined);
    assert.equal(longRunningImage('hashicorp/vault:1.17', ['agent', '-config=/v.hcl'])?.label, 'Vault Agent');
    assert.equal(longRunningImage('hashicorp/vault:1.17', ['kv', 'get', 'x']), undefined);
    assert.equal(longRunningImage('busybox:1.36', []), undefined);
    assert.equal(longRunningImage('nginx:1.27', []), undefined);
    assert.equal(agentImage('envoyproxy/envoy:v1.31.0')?.kind, 'proxy');
    assert.equal(agentImage('ghcr.io/acme/envoy-config-renderer:1'), undefined);
  });
});

describe('patterns: one-shot commands (W12)', () => {
  it('knows commands that finish', () => {
    for (const cmd of ['cp -r /src/. /workdir/', 'mv a b', 'chown -R 1000:1000 /data', 'chmod 0600 /x', 'mkdir -p /x', 'echo hi', 'wget -O /x http://a', 'curl -o /x http://a',
      'git clone https://x /w', 'sleep 10', 'true', 'git-sync --one-time --repo=x', 'kubectl apply -f /m', 'cat /etc/hosts', 'tar -xzf /a.tgz -C /w', 'exec cp a b']) assert.equal(endsByItself(argv(cmd)), true, cmd);
  });
  it('does not claim anything that may keep running', () => {
    for (const cmd of ['tail -F /x', 'sleep infinity', 'sleep 2d', 'git-sync --repo=x', 'kubectl logs -f pod', 'kubectl get pods -w', 'cat', 'rsync --daemon', 'nginx', '/app/agent', 'ncat --recv-only a 1', 'curl -N http://stream', 'git log']) assert.equal(endsByItself(argv(cmd)), false, cmd);
  });
});

describe('patterns: secret-looking env vars (H03)', () => {
  it('reports credential names with credential values', () => {
    for (const [n, v] of [['PGPASSWORD', 's3cr3t-in-plain-text'], ['API_TOKEN', 'tok_😀_123'], ['DB_PASSWORD', 'hunter2'], ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      ['AZURE_STORAGE_KEY', 'abc=='], ['GITHUB_TOKEN', 'changeme'], ['client-secret', 'x1y2z3'], ['PRIVATE_KEY', 'abc'], ['REDIS_PASSWORD', '123456']] as const) {
      assert.equal(inlineSecret(n, v), 'name', `${n}=${v}`);
    }
  });
  it('reports credential values whatever the name', () => {
    assert.equal(inlineSecret('DATABASE_URL', 'postgres://app:hunter2@db:5432/app'), 'a connection string with a password');
    assert.equal(inlineSecret('CONN', 'Server=db;Database=app;User Id=sa;Password=P@ss;'), 'a connection string with a password');
    assert.equal(inlineSecret('KEY', '-----BEGIN RSA PRIVATE KEY-----\nMIIE…'), 'a private key');
    assert.equal(inlineSecret('AUTH', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'), 'a JSON Web Token');
    assert.equal(credentialValue('AKIAIOSFODNN7EXAMPLE'), 'an AWS access key id');
    assert.equal(credentialValue('ghp_abcdefghijklmnopqrstuvwxyz0123456789'), 'a GitHub token');
  });
  it('does not report metadata names, harmless values or IDs', () => {
    const no: Array<[string, string]> = [
      ['LINKERD2_PROXY_IDENTITY_TOKEN_FILE', '/var/run/secrets/tokens/linkerd-identity-token'], ['MYSQL_ALLOW_EMPTY_PASSWORD', '1'], ['MYSQL_RANDOM_ROOT_PASSWORD', 'yes'],
      ['SENTINEL_ID_0', '3c0d9c0320bb34888c2df5757c718ce6ca992ce6'], ['DB_SECRET_NAME', 'db-credentials'], ['TOKEN_TTL', '3600'], ['PASSWORD_MIN_LENGTH', '12'],
      ['VAULT_TOKEN_PATH', '/vault/token'], ['API_KEY_HEADER', 'X-Api-Key'], ['SECRET', '$(DB_SECRET)'], ['TOKEN', '${TOKEN}'], ['TOKEN_URL', 'https://auth.example.com/token'],
      ['LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS', '-----BEGIN CERTIFICATE-----\nMIIB…'], ['GITSYNC_REPO', 'https://github.com/foo/bar.git'], ['DATABASE_URL', 'postgres://app@db:5432/app'],
      ['PASSWORD_ENABLED', 'true'], ['ENABLE_TOKEN_AUTH', 'true'], ['CA_ADDR', 'istiod.istio-system.svc:15012'], ['SECRET_HOST', 'vault.example.com'], ['PGPASSWORD', ''],
    ];
    for (const [n, v] of no) assert.equal(inlineSecret(n, v), undefined, `${n}=${v}`);
    assert.equal(secretLikeName('SENTINEL_ID_0'), false);
  });
});

describe('patterns: sysctls (H17)', () => {
  it('reads sysctl writes and /proc/sys targets', () => {
    assert.deepEqual(sysctlWrites(['sysctl', '-w', 'net.core.somaxconn=1024', 'net.ipv4.ip_local_port_range=1024 65000']), [
      { name: 'net.core.somaxconn', value: '1024' }, { name: 'net.ipv4.ip_local_port_range', value: '1024 65000' }]);
    assert.deepEqual(sysctlWrites(['sysctl', 'vm.max_map_count=262144']), [{ name: 'vm.max_map_count', value: '262144' }]);
    assert.deepEqual(sysctlWrites(['sysctl', '-a']), []);
    assert.deepEqual(sysctlWrites(['echo', 'net.core.somaxconn=1']), []);
    assert.equal(procSysTarget('/proc/sys/net/core/somaxconn'), 'net.core.somaxconn');
    assert.equal(procSysTarget('/etc/sysctl.conf'), undefined);
  });
  it('knows which sysctls a pod may set', () => {
    for (const n of ['net.core.somaxconn', 'net.ipv4.tcp_keepalive_time', 'kernel.shm_rmid_forced', 'kernel.msgmax', 'kernel.sem', 'fs.mqueue.msg_max']) assert.equal(podSettable(n, false), true, n);
    for (const n of ['vm.max_map_count', 'kernel.core_pattern', 'fs.file-max', 'net.core.rmem_max', 'net.netfilter.nf_conntrack_max', 'vm.overcommit_memory']) assert.equal(podSettable(n, false), false, n);
    assert.equal(podSettable('net.core.somaxconn', true), false);
    assert.equal(safeSince('net.ipv4.ip_local_port_range'), '1.0');
    assert.equal(safeSince('net.ipv4.tcp_rmem'), '1.32');
    assert.equal(safeSince('net.core.somaxconn'), undefined);
  });
});

describe('patterns: network use and local targets (W07, W08)', () => {
  it('knows network clients and not DNS or local tools', () => {
    for (const cmd of ['curl http://api', 'psql -h db', 'git clone https://x', 'kubectl get pods', 'apk add curl', 'migrate up', 'nc -z db 5432']) assert.equal(networkClient(argv(cmd)), true, cmd);
    for (const cmd of ['nslookup db', 'dig db', 'ping db', 'cp a b', 'git init', 'istio-iptables -p 15001', 'rsync -a /a /b']) assert.equal(networkClient(argv(cmd)), false, cmd);
  });
  it('finds local ports and sockets', () => {
    assert.deepEqual(localTargets(argv('nc -z localhost 5432')).map((t) => t.port), [5432]);
    assert.deepEqual(localTargets(argv('nc -z -w 2 127.0.0.1 6379')).map((t) => t.port), [6379]);
    assert.deepEqual(localTargets(argv('pg_isready -h 127.0.0.1 -p 6432')).map((t) => t.port), [6432]);
    assert.deepEqual(localTargets(argv('psql -h localhost -U app')).map((t) => t.defaultPort), [5432]);
    assert.deepEqual(localTargets(argv('mysql -h127.0.0.1 -P3307')).map((t) => t.port), [3307]);
    assert.deepEqual(localTargets(argv('curl -fsS http://localhost:15021/healthz/ready')).map((t) => t.port), [15021]);
    assert.deepEqual(localTargets(argv('psql -h db.prod -p 5432')), []);
    assert.deepEqual(localTargets(argv('curl http://api/healthz')), []);
    assert.deepEqual(localPortsInText('postgres://u@localhost/app').map((t) => t.defaultPort), [5432]);
    assert.deepEqual(localPortsInText('jdbc:postgresql://127.0.0.1:5433/app').map((t) => t.port), [5433]);
    assert.deepEqual(localPortsInText('mylocalhost:80 notlocalhost:1'), []);
    assert.deepEqual(socketPaths('psql "host=/cloudsql/acme:eu:db" && ls /var/run/app/app.sock'), ['/cloudsql/acme:eu:db', '/var/run/app/app.sock']);
  });
});

describe('patterns: non-idempotent writes (W17)', () => {
  it('finds them', () => {
    assert.deepEqual(riskyWrites(argv('mkdir /data/x /data/y')).map((w) => w.path), ['/data/x', '/data/y']);
    assert.deepEqual(riskyWrites(argv('git clone --depth 1 https://x /site/docs')), [{ kind: 'git-clone', path: '/site/docs' }]);
    assert.deepEqual(riskyWrites(argv('git -c http.sslVerify=false clone https://x /w')), [{ kind: 'git-clone', path: '/w' }]);
    assert.deepEqual(riskyWrites(argv('mv /data/incoming/a.csv /data/done/')), [{ kind: 'mv', path: '/data/incoming/a.csv' }]);
    assert.deepEqual(riskyWrites(argv('ln -s /data/v2 /data/current')), [{ kind: 'ln', path: '/data/current' }]);
  });
  it('leaves idempotent forms alone', () => {
    for (const cmd of ['mkdir -p /data/x', 'mkdir --parents /x', 'ln -sf /a /b', 'ln -snf /a /b', 'cp -r /a /b', 'git clone https://x', 'git -C /w pull', 'chmod 700 /x']) assert.deepEqual(riskyWrites(argv(cmd)), [], cmd);
  });
});

describe('patterns: per-attempt timeouts', () => {
  it('reads nc -w, wget -T, curl -m/--max-time, timeout N', () => {
    assert.equal(attemptTimeout(argv('nc -z -w 2 db 5432')), 'nc -w 2');
    assert.equal(attemptTimeout(argv('nc -zw2 db 5432')), 'nc -zw2');
    assert.equal(attemptTimeout(argv('wget -q -T 5 -O- http://x')), 'wget -T 5');
    assert.equal(attemptTimeout(argv('wget --timeout=5 http://x')), 'wget --timeout=5');
    assert.equal(attemptTimeout(argv('curl --max-time 3 http://x')), 'curl --max-time 3');
    assert.equal(attemptTimeout(argv('curl -sm5 http://x')), 'curl -sm5');
    assert.equal(attemptTimeout(argv('timeout 5 nc db 5432')), 'timeout 5');
    assert.equal(attemptTimeout(argv('pg_isready -h db -t 3')), 'pg_isready -t 3');
    assert.equal(attemptTimeout(argv('curl -fsS http://x')), undefined);
    assert.equal(attemptTimeout(argv('nc -z db 5432')), undefined);
  });
});
