import { makeStyles, tokens } from '@fluentui/react-components';
import { HighlightKey, PALETTE } from '../core/highlight';
import { useBilingual } from './i18n';

const useStyles = makeStyles({
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    maxWidth: '100%',
    paddingInline: tokens.spacingHorizontalS,
    paddingBlock: '1px',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid rgba(0, 0, 0, 0.25)`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
});

/** A tier (or status) in the core palette's colours, with its label: the same colours the sheet gets. */
export function TierChip({ tier }: { tier: HighlightKey }) {
  const styles = useStyles();
  const b = useBilingual();
  const swatch = PALETTE[tier];
  return (
    <span className={styles.chip} style={{ backgroundColor: swatch.fill, color: swatch.font }} data-tier={tier}>
      {b(swatch.label)}
    </span>
  );
}
