import { useEffect } from 'react';

/** The browser tab shows `title` while the component is mounted, then what it showed before. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}
