/** Frame rule: ", saying CONTENT" — the source is the subject of the sentence's earlier attribution, else its first phrase. */
import { subjectOf, type Attribution, type FrameContext } from './context.js';

/** The participle frame; undefined when the cue is not a participle. */
export function participle(x: FrameContext): Attribution | null | undefined {
  const { v, cue, cueSpan, to, lStart, earlier } = x;
  if (!cue.form!.participle) return undefined;
  if (cue.j >= to) return null;
  const host = [...earlier].reverse().find((e) => e.cue && e.cue.start < cueSpan.start);
  const src = host?.source ?? null;
  const first = subjectOf(v, lStart, cue.i);
  const a = x.make(x.spanOf(cue.j, to - 1), null, 'participle', 'participle');
  a.source = src ?? (first ? x.spanOf(first[0], first[1]) : null);
  if (host?.antecedent) a.antecedent = host.antecedent;
  return a;
}
