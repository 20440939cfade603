/**
 * The one line that says how an action went, placed next to the control that caused it, so a
 * sentence is said once and where the reader is looking. While the action runs it says what the
 * page is waiting for (`pending`); the controls it concerns are disabled meanwhile.
 */
export type NoticeState = { ok: boolean; text: string; pending?: boolean } | null;

export function Notice({ notice, id }: { notice: NoticeState; id?: string }) {
  const failed = notice !== null && !notice.ok;
  return (
    <p
      id={id}
      class="notice"
      role={failed ? 'alert' : 'status'}
      data-ok={notice && !notice.pending ? String(notice.ok) : undefined}
      data-pending={notice?.pending ? 'true' : undefined}
    >
      {notice?.text ?? ''}
    </p>
  );
}

/** The line shown while the page waits for something (a prompt, the background, a feed). */
export const pending = (text: string): NoticeState => ({ ok: true, text, pending: true });
