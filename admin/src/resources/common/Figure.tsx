import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router-dom';

/**
 * 首页的一个数字: a count with what it counts, the whole card a link to the list behind it (the filtered
 * list, or the one record when there is one). `tone` colours a figure that asks for action.
 */
export const Figure = ({ label, value, to, testid, tone }: { label: string; value: number | string | null; to: string; testid: string; tone?: 'error' | 'warning' | 'primary' }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardActionArea component={Link} to={to} data-testid={testid} data-value={value ?? ''} sx={{ height: '100%' }}>
      <CardContent sx={{ py: 1.5 }}>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h4" color={value && tone ? `${tone}.main` : 'text.primary'}>
          {value ?? '…'}
        </Typography>
      </CardContent>
    </CardActionArea>
  </Card>
);
