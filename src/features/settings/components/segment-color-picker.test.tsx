import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SEGMENT_COLORS } from '../../../contracts/segment';
import { renderWithProviders } from '../../../test/render';
import { SegmentColorPicker } from './segment-color-picker';

function Picker({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <SegmentColorPicker value={value} onChange={setValue} />;
}

describe('SegmentColorPicker', () => {
  it('names every swatch of the palette by its colour, inside a labelled group', () => {
    renderWithProviders(<Picker initial="10599d" />);
    const group = screen.getByRole('group', { name: 'Colour' });
    expect(group).toBeInTheDocument();
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(SEGMENT_COLORS.length);
    for (const color of SEGMENT_COLORS) {
      expect(screen.getByRole('radio', { name: `Colour ${color}` })).toBeInTheDocument();
    }
    expect(screen.getByRole('radio', { name: 'Colour 10599d' })).toBeChecked();
  });

  it('is one tab stop, and arrow keys move the choice', async () => {
    renderWithProviders(<Picker initial="10599d" />);
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Colour 10599d' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: `Colour ${SEGMENT_COLORS[1]}` })).toBeChecked();
    expect(screen.getByRole('radio', { name: `Colour ${SEGMENT_COLORS[1]}` })).toHaveFocus();
  });

  it('selects a colour with a click', async () => {
    renderWithProviders(<Picker initial="10599d" />);
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Colour d32f2f' }));
    expect(screen.getByRole('radio', { name: 'Colour d32f2f' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Colour 10599d' })).not.toBeChecked();
  });
});
