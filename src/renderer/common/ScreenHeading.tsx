import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Take focus when shown, so keyboard and screen reader users land on the new screen. */
  focus: boolean;
}

/** A screen's title (h1), focusable by script only. */
export default function ScreenHeading({ children, focus }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}
