import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorLinkProps = AnchorProps & Omit<ComponentPropsWithRef<'a'>, keyof AnchorProps>;

function MantineAnchor(props: AnchorLinkProps) {
  return <Anchor {...props} />;
}

const CreatedAnchorLink = createLink(MantineAnchor);

/**
 * A Mantine Anchor that is a real router link: typed `to`/`params`/`search`, a real href (so
 * middle-click opens a tab) and preloading on intent. `Anchor component={Link}` would lose the
 * typed `search` prop.
 */
export const Link: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);
