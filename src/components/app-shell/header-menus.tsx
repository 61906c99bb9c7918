import { ColorSchemeToggle } from './color-scheme-toggle';
import { UserMenu, type UserMenuProps } from './user-menu';

export type HeaderMenu = 'scheme' | 'user';

export interface HeaderMenusProps extends Omit<UserMenuProps, 'defaultOpened' | 'autoFocus'> {
  /** The menu asked for before this code arrived: it opens at once. */
  openOnMount?: HeaderMenu;
  /** The placeholder that had the focus: its real button takes it over. */
  focusOnMount?: HeaderMenu;
}

/** The header's two menus (Mantine Menu: Popover and floating-ui). Loaded by DeferredHeaderMenus. */
export default function HeaderMenus({ openOnMount, focusOnMount, ...user }: HeaderMenusProps) {
  return (
    <>
      <ColorSchemeToggle
        defaultOpened={openOnMount === 'scheme'}
        autoFocus={focusOnMount === 'scheme'}
      />
      <UserMenu
        {...user}
        defaultOpened={openOnMount === 'user'}
        autoFocus={focusOnMount === 'user'}
      />
    </>
  );
}
