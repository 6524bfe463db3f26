import type { ThemeConfig } from 'antd';

/**
 * antd's default blue #1677ff gives only 4.1:1 with white text, below WCAG AA (4.5:1). Every colour
 * that ends up as text or as a background behind white text is set here to a value of at least 4.5:1:
 *   #0958d9 on white 6.2:1 (also 5.5:1 on the #e6f4ff selection background), #cf1322 5.6:1,
 *   #237804 5.6:1, #ad4e00 5.4:1, #595959 7.0:1, #6b6b6b 5.3:1 (placeholder text is real text in Select).
 */
export const PRIMARY = '#0958d9';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    // Hover/active states get darker, not lighter, shades so white text stays ≥ 4.5:1 under the mouse.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorErrorHover: '#a8071a',
    colorErrorActive: '#820014',
    colorLink: PRIMARY,
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    // antd derives these from colorSuccess; from #237804 they come out grey-green (#adb8a5), on which a link
    // in a success Alert (巡检已完成 → the record) has 3:1. antd's own light greens keep it at 6:1.
    colorSuccessBg: '#f6ffed',
    colorSuccessBgHover: '#d9f7be',
    colorSuccessBorder: '#b7eb8f',
    colorSuccessBorderHover: '#95de64',
    colorWarning: '#ad4e00',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6b6b6b',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f5f5f5', headerPadding: '0 16px', headerHeight: 56 },
  },
};

/** Solid tag backgrounds; all give ≥ 4.5:1 with the white tag text antd uses for custom colours. */
export const LEVEL_COLOR: Record<number, string> = { 1: '#a8071a', 2: '#ad4e00', 3: PRIMARY, 4: '#595959' };
export const STATUS_COLOR: Record<string, string> = {
  new: '#531dab',
  assigned: PRIMARY,
  in_progress: '#006d75',
  suspended: '#874d00',
  resolved: '#237804',
  closed: '#595959',
  cancelled: '#434343',
};
export const DANGER_TEXT = '#cf1322';
