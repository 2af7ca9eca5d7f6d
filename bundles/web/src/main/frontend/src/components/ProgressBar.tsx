/**
 * A progress bar (role=progressbar, 0–100) named by a visible label. The fill's width is set
 * through the CSSOM, which the Content-Security-Policy allows (a style attribute it would not).
 */
export function ProgressBar({ labelId, value, text }: { labelId: string; value: number; text: string }) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      class="progress"
      role="progressbar"
      aria-labelledby={labelId}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v}
      aria-valuetext={text}
    >
      <div class="progress-fill" style={{ width: `${v}%` }} />
    </div>
  );
}
