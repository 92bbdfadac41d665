/**
 * Secret-looking environment variables (rule H03). Reviewed: a literal `env[].value` is reported when
 * its NAME says it is a credential and the value looks like one, or when the VALUE itself is
 * unmistakably a credential (private key, JWT, cloud/API token, URL with a password), whatever the name.
 * Names that only mention a credential (`…_TOKEN_FILE`, `…_SECRET_NAME`, `ALLOW_EMPTY_PASSWORD`) and values
 * that are paths, references, flags or numbers are not secrets.
 */

/** The catalogue's name pattern. */
const SECRET_NAME = /password|passwd|secret|token|api[_-]?key|private[_-]?key|credential|bearer|AWS_SECRET_ACCESS_KEY|AZURE_.+KEY/i;

/** Name parts that turn a credential word into metadata about it. */
const METADATA_NAME = /(_|^)(FILE|FILES|PATH|DIR|DIRECTORY|NAME|REF|KEY_?REF|ENABLED?|DISABLED?|REQUIRED|TTL|TIMEOUT|EXPIRY|EXPIRES|EXPIRATION|LIFETIME|LENGTH|SIZE|URL|URI|ENDPOINT|HOST|PORT|HEADER|AUDIENCE|ISSUER|LOCATION|MOUNT|TYPE|MODE|FORMAT|ALGORITHM|PROVIDER|ID|VERSION|KIND|SOURCE|ROTATION|REFRESH_INTERVAL|INTERVAL|PERIOD|POLICY|FIELD|NAMESPACE)$/i;
const FLAG_NAME = /^(ALLOW|ENABLE|DISABLE|USE|SKIP|REQUIRE|NO)_|_(ALLOW_EMPTY|RANDOM_ROOT)_/i;

/** Values that cannot be a secret. */
function harmlessValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (/^(true|false|yes|no|on|off|none|null|nil|enabled|disabled|required|optional|\d{1,4}|\d+(\.\d+)?(ms|[smhd]))$/i.test(v)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/)[^\s]*$/.test(v)) return true; // file path
  if (/^\$\([A-Za-z_][A-Za-z0-9_]*\)$|^\$\{[^}]+\}$|^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return true; // `$(VAR)` reference
  if (/^\{\{.*\}\}$/.test(v)) return true; // template placeholder
  if (/^-----BEGIN (CERTIFICATE|PUBLIC KEY|X509 CRL)-----/.test(v)) return true;
  if (/^https?:\/\/[^\s:@/]+(:\d+)?(\/\S*)?$/.test(v)) return true; // URL without credentials
  if (/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*(:\d+)?$/.test(v) && v.includes('.')) return true; // host name
  return false;
}

export function secretLikeName(name: string): boolean {
  if (!SECRET_NAME.test(name)) return false;
  if (FLAG_NAME.test(name)) return false;
  return !METADATA_NAME.test(name);
}

/** A value that is a credential whatever its name says. Returns what it looks like. */
export function credentialValue(value: string): string | undefined {
  const v = value.trim();
  if (/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(v)) return 'a private key';
  if (/^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/.test(v)) return 'a JSON Web Token';
  if (/^(AKIA|ASIA)[0-9A-Z]{16}$/.test(v)) return 'an AWS access key id';
  if (/^(ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{20,}$/.test(v)) return 'a GitHub token';
  if (/^glpat-[A-Za-z0-9_-]{20,}$/.test(v)) return 'a GitLab token';
  if (/^xox[abposr]-[A-Za-z0-9-]{10,}$/.test(v)) return 'a Slack token';
  if (/^sk_(live|test)_[A-Za-z0-9]{16,}$/.test(v)) return 'a Stripe key';
  if (/^AIza[0-9A-Za-z_-]{35}$/.test(v)) return 'a Google API key';
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^\s:/@]*):([^\s@/]+)@/i.exec(v);
  if (url && !/^\$[({]|^\*+$|^<.*>$/.test(url[2] as string)) return 'a connection string with a password';
  if (/(^|;)\s*(password|pwd)\s*=\s*[^;\s$][^;]*/i.test(v) && /;/.test(v)) return 'a connection string with a password';
  return undefined;
}

/**
 * Whether a literal env var looks like an inlined secret. Returns why (`name`, or what the value looks like),
 * or undefined.
 */
export function inlineSecret(name: string, value: string): string | undefined {
  const byValue = credentialValue(value);
  if (byValue) return byValue;
  if (secretLikeName(name) && !harmlessValue(value)) return 'name';
  return undefined;
}
