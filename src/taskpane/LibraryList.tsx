/** Libraries of one kind (left out, not accepted, sent nothing, left blank) under a heading that counts them. */
import { useId, type ReactNode } from 'react';
import { useViewStyles } from './styles';

/** Nothing when there are none. Items are library ids unless `keyOf` and `show` say otherwise. */
export function LibraryList<T>({
  heading,
  level,
  items,
  keyOf = String,
  show = String,
}: {
  heading: string;
  /** The heading's level in the view's outline. */
  level: 3 | 4;
  items: readonly T[];
  keyOf?: (item: T) => string;
  show?: (item: T) => ReactNode;
}) {
  const s = useViewStyles();
  const id = useId();
  if (items.length === 0) return null;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div role="group" aria-labelledby={id}>
      <Heading id={id} className={s.subheading}>
        {heading}
      </Heading>
      <ul className={s.list}>
        {items.map((item) => (
          <li key={keyOf(item)}>{show(item)}</li>
        ))}
      </ul>
    </div>
  );
}
