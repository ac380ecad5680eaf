/**
 * Our design system: the NL Design System (Utrecht) components, wrapped once with our theme. The rest of the app
 * imports from here only (eslint `no-restricted-imports`), so swapping or upgrading the component library touches
 * this folder alone.
 */
import '@utrecht/component-library-css/dist/index.css';
import './theme.css';

export { Alert, type AlertProps } from './Alert.tsx';
export { Button, type ButtonProps } from './Button.tsx';
export { ConfirmPanel } from './ConfirmPanel.tsx';
export {
  CheckboxField,
  ErrorSummary,
  FieldGroup,
  FileField,
  SelectField,
  TextareaField,
  TextField,
  type FormError,
  type SelectFieldProps,
  type TextFieldProps,
} from './form.tsx';
export { LanguageSwitch, MAIN_ID, PageLayout, PageTitle, type NavItem } from './layout.tsx';
export { Link, RouterLink, type LinkProps, type RouterLinkProps } from './links.tsx';
export { LoadingStatus } from './LoadingStatus.tsx';
export { sortRows, type SortDirection, type SortValue } from './sort.ts';
export { StatusBadge, type BadgeTone } from './StatusBadge.tsx';
export {
  SortableTable,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  type Column,
} from './table.tsx';
export { Heading, Paragraph, UnorderedList, UnorderedListItem, VisuallyHidden } from './typography.tsx';
export const THEME_CLASS = 'regietafel-theme';
