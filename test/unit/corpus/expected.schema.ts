import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../helpers/fixtures';
import type { RuleExpectations } from './expectations';

/** Files whose schema findings are expected: 048 sets every field to a placeholder, 054 has no containers. */
const WITH_SCHEMA_FINDINGS = new Set(['real/048-kubernetes-api-batch.v1.CronJob.yaml', 'real/054-bridgecrewio-checkov-Deployment2-FAILED.yaml']);

const files = ['real', 'tricky'].flatMap((dir) => readdirSync(join(FIXTURES, 'corpus', dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${dir}/${f}`));

/** Schema checks: the corpus is valid against the definitions except where EXPECTED.md says otherwise. */
export const SCHEMA_EXPECTATIONS: RuleExpectations = {
  expected: [
    { file: 'real/054-bridgecrewio-checkov-Deployment2-FAILED.yaml', rule: 'pod-spec-schema', line: 15, character: 4, note: 'containers missing (Required value) at the spec key' },
    { file: 'real/048-kubernetes-api-batch.v1.CronJob.yaml', rule: 'pod-spec-schema', line: 806, character: 29, note: 'imagePullPolicy placeholder' },
  ],
  notExpected: [
    ...files
      .filter((f) => !WITH_SCHEMA_FINDINGS.has(f))
      .flatMap((file) => [
        { file, rule: 'pod-spec-schema', note: 'real manifests are schema-valid' },
        { file, rule: 'pod-spec-misplaced-field', note: 'no misplaced pod fields in the corpus' },
      ]),
    { file: 'real/044-zalando-postgres-operator-complete-postgres-manifest.yaml', rule: 'pod-spec-schema', note: 'a custom resource is not schema-checked' },
  ],
  exact: [],
};
