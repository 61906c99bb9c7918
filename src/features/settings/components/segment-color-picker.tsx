import { ColorSwatch, Fieldset, Group, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { SEGMENT_COLORS } from '../../../contracts/segment';
import classes from './segment-color-picker.module.css';

interface SegmentColorPickerProps {
  value: string;
  onChange: (color: string) => void;
  onBlur?: () => void;
  name?: string;
  error?: string;
  label?: string;
}

/**
 * amoCRM's fixed palette as a group of native radios: Tab enters the group, arrow keys move
 * between colours, Space selects; each swatch is named by its hex code ("Colour 10599d").
 */
export function SegmentColorPicker({
  value,
  onChange,
  onBlur,
  name,
  error,
  label = 'Colour',
}: SegmentColorPickerProps) {
  const generatedName = useId();
  const errorId = useId();
  return (
    <Fieldset
      legend={label}
      variant="unstyled"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <Group gap={6}>
        {SEGMENT_COLORS.map((color) => (
          <label key={color} className={classes.option}>
            <input
              type="radio"
              name={name ?? generatedName}
              value={color}
              checked={value === color}
              onChange={() => onChange(color)}
              onBlur={onBlur}
              className={classes.input}
            />
            <ColorSwatch component="span" color={`#${color}`} size={28} className={classes.swatch}>
              {value === color && <span className={classes.check} aria-hidden />}
            </ColorSwatch>
            <VisuallyHidden>{`Colour ${color}`}</VisuallyHidden>
          </label>
        ))}
      </Group>
      {error && (
        <Text id={errorId} c="red" size="sm" mt={4}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
