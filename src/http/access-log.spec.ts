import { loggedPath } from './access-log';

describe('the access log’s paths', () => {
  const token = 'hR2k0l3u5mXJv1sQ8yZbq4WcT7nD9aPeLfG6oIxY0s4';

  it('never carries a share-link token: public read, its workbook, the page, a revocation', () => {
    expect(loggedPath(`/shared/${token}`)).toBe('/shared/…');
    expect(loggedPath(`/shared/${token}/report`)).toBe('/shared/…/report');
    expect(loggedPath(`/app/shared/${token}`)).toBe('/app/shared/…');
    expect(loggedPath(`/history/6f1c0c9e-0000-4000-8000-000000000001/share/${token}`)).toBe(
      '/history/6f1c0c9e-0000-4000-8000-000000000001/share/…',
    );
  });

  it('leaves every other path as it is', () => {
    for (const path of ['/history/6f1c0c9e-0000-4000-8000-000000000001/share', '/history', '/app/simulations/x']) {
      expect(loggedPath(path)).toBe(path);
    }
  });
});
