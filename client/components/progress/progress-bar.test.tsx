import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { phaseInWords } from './phase-words';
import { ProgressBar } from './progress-bar';

describe('ProgressBar', () => {
  it('shows the percent and the phase in words, and exposes them to assistive technology', () => {
    render(<ProgressBar label="Simulation progress" percent={35} phase="fetching prices 1/2" />);
    const bar = screen.getByRole('progressbar', { name: 'Simulation progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '35');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '35%, Fetching prices 1/2');
    expect(screen.getByText('35%')).toBeInTheDocument();
    const phase = screen.getByText('Fetching prices 1/2');
    expect(phase).toHaveAttribute('aria-live', 'polite');
    expect(bar.firstElementChild).toHaveStyle({ width: '35%' });
  });

  it('rounds and clamps the percent', () => {
    const { rerender } = render(<ProgressBar label="Report progress" percent={62.6} phase="writing sheets" />);
    expect(screen.getByRole('progressbar', { name: 'Report progress' })).toHaveAttribute('aria-valuenow', '63');
    rerender(<ProgressBar label="Report progress" percent={140} phase="writing sheets" />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    rerender(<ProgressBar label="Report progress" percent={Number.NaN} />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByText('Starting')).toBeInTheDocument();
  });

  it('shows a completed state', () => {
    const { container } = render(
      <ProgressBar label="Simulation progress" percent={100} phase="done" state="completed" />,
    );
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByText('Completed')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'completed');
  });

  it('shows a failed state', () => {
    const { container } = render(
      <ProgressBar label="Simulation progress" percent={100} phase="simulating" state="failed" />,
    );
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.queryByText('Simulating')).not.toBeInTheDocument();
    // A failed run is not "100% done".
    expect(screen.queryByText('100%')).not.toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'failed');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '100%, Failed');
  });
});

describe('phaseInWords', () => {
  it('turns worker phase codes into words', () => {
    expect(phaseInWords('queued')).toBe('Waiting for a worker');
    expect(phaseInWords('started')).toBe('Starting');
    expect(phaseInWords('computing metrics')).toBe('Computing metrics');
    expect(phaseInWords(null)).toBe('Starting');
    expect(phaseInWords('saving', 'completed')).toBe('Completed');
  });
});
