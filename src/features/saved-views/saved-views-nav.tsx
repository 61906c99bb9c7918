import { Badge, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useState, type MouseEvent } from 'react';
import { savedViewQueries } from '../../api/saved-views';
import classes from './saved-views-nav.module.css';

// Renaming, ordering and sharing are occasional: their modal loads when first opened.
const ManageViewsModal = lazy(() => import('./manage-views-modal'));

const opensElsewhere = (event: MouseEvent) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

interface SavedViewsNavProps {
  isAdmin: boolean;
  /** Called after a view is opened (closes the navbar panel on phones). */
  onNavigate: () => void;
}

/** The navbar's "Views": each saved view is a link to the grid URL it names. */
export function SavedViewsNav({ isAdmin, onNavigate }: SavedViewsNavProps) {
  const { data } = useQuery(savedViewQueries.list());
  const location = useLocation();
  const navigate = useNavigate();
  const [managing, setManaging] = useState(false);
  const views = data?.views ?? [];
  if (views.length === 0) return null;

  return (
    <section className={classes.section} aria-labelledby="saved-views-heading">
      <div className={classes.heading}>
        <span id="saved-views-heading">Views</span>
        <UnstyledButton
          fz="xs"
          c="dimmed"
          onClick={() => {
            setManaging(true);
          }}
        >
          Manage
        </UnstyledButton>
      </div>
      {views.map((view) => (
        <a
          key={view.id}
          href={view.url}
          className={classes.link}
          aria-current={location.href === view.url ? 'page' : undefined}
          onClick={(event) => {
            if (opensElsewhere(event)) return;
            event.preventDefault();
            void navigate({ href: view.url });
            onNavigate();
          }}
        >
          <span className={classes.name}>{view.name}</span>
          {view.shared && (
            <Badge
              size="xs"
              variant="light"
              color="gray"
              style={{ flexShrink: 0 }}
              aria-label="Shared with everyone"
            >
              Shared
            </Badge>
          )}
        </a>
      ))}
      {managing && (
        <Suspense fallback={null}>
          <ManageViewsModal
            list={data ?? { views: [], default_view_id: null }}
            isAdmin={isAdmin}
            onClose={() => {
              setManaging(false);
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
