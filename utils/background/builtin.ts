/**
 * The pack bundled with the extension: validated once per service-worker start with the same
 * gate as any other pack (then trusted), and installed when absent or older.
 */
import builtinPackJson from '@/utils/pack/generated/builtin-pack.json';
import type { StandpointDB } from '../db/database';
import { ensureBuiltinPack, refreshDerivedRows, type ApplyOutcome } from '../db/install';
import type { Pack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { err, ok, type Result } from '../views';
import { errorMessage } from '../format';
import { t } from '../i18n';

/** The bundled pack, parsed with the pack schema and checks; an error if the build shipped a bad one. */
export function bundledPack(data: unknown = builtinPackJson): Result<Pack> {
  const checked = validatePack(data);
  if (checked.ok) return ok(checked.pack);
  const first = checked.problems
    .slice(0, 3)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
  return err(t('builtinInvalid', first));
}

/**
 * At each start: rebuilds rows an older extension version derived differently, then validates
 * the bundled pack and installs it if needed. Never throws.
 */
export async function installBuiltin(
  db: StandpointDB,
  data: unknown = builtinPackJson,
): Promise<Result<ApplyOutcome>> {
  try {
    await refreshDerivedRows(db);
    const pack = bundledPack(data);
    if (!pack.ok) return pack;
    return await ensureBuiltinPack(db, pack.value);
  } catch (e) {
    return err(t('builtinFailed', errorMessage(e)));
  }
}
