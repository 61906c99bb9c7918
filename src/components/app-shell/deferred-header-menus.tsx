import { useEffect, useState, type ComponentType } from 'react';
import { ColorSchemeButton } from './color-scheme-button';
import type { HeaderMenu, HeaderMenusProps } from './header-menus';
import { UserMenuButton } from './user-menu-button';

type Props = Omit<HeaderMenusProps, 'openOnMount' | 'focusOnMount'>;

let loaded: ComponentType<HeaderMenusProps> | null = null;
const loadHeaderMenus = () =>
  import('./header-menus').then((module) => {
    loaded = module.default;
    return module.default;
  });

/**
 * The header menus, with their code (Menu, Popover, floating-ui: ~25 KB gzip) loaded after the
 * first paint (when the browser is idle). Until then the same buttons stand in, in the same place;
 * pressing one loads the menus at once and opens the one asked for (also when the code arrives
 * between the press and the release), and the focus stays on the button that had it.
 */
export function DeferredHeaderMenus(props: Props) {
  const [Menus, setMenus] = useState<ComponentType<HeaderMenusProps> | null>(() => loaded);
  const [openOnMount, setOpenOnMount] = useState<HeaderMenu>();
  const [focusOnMount, setFocusOnMount] = useState<HeaderMenu>();

  useEffect(() => {
    if (Menus) return;
    let cancelled = false;
    const load = () => {
      void loadHeaderMenus().then((component) => {
        if (!cancelled) setMenus(() => component);
      });
    };
    const id =
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(load, { timeout: 2000 })
        : window.setTimeout(load, 200);
    return () => {
      cancelled = true;
      if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(id);
      else window.clearTimeout(id);
    };
  }, [Menus]);

  if (Menus) {
    return <Menus {...props} openOnMount={openOnMount} focusOnMount={focusOnMount} />;
  }

  const placeholder = (menu: HeaderMenu) => ({
    'aria-haspopup': 'menu' as const,
    'aria-expanded': false,
    onFocus: () => setFocusOnMount(menu),
    onBlur: () => setFocusOnMount(undefined),
    // Pressed: if the code arrives before the release, the real menu opens on mount.
    onPointerDown: () => setOpenOnMount(menu),
    onClick: () => {
      setOpenOnMount(menu);
      void loadHeaderMenus().then((component) => setMenus(() => component));
    },
  });
  return (
    <>
      <ColorSchemeButton {...placeholder('scheme')} />
      <UserMenuButton name={props.name} {...placeholder('user')} />
    </>
  );
}
