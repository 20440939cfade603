/** A one-sentence outcome under a control: polite live region, error or success styling. */
export type NoticeState = { ok: boolean; text: string } | null;

export function Notice({ notice }: { notice: NoticeState }) {
  return (
    <p
      class="notice"
      role={notice && !notice.ok ? 'alert' : 'status'}
      data-ok={notice ? String(notice.ok) : undefined}
    >
      {notice?.text ?? ''}
    </p>
  );
}
