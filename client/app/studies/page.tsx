import type { Metadata } from 'next';
import { StudyForm } from '../../components/study/study-form';
import { StudyList } from '../../components/study/study-list';
import styles from '../../components/study/study.module.css';
import { RequireSession } from '../../lib/auth/session';

export const metadata: Metadata = { title: 'Studies' };

/** /studies: start a search over the weights of a universe, and find the studies already made. */
export default function StudiesPage() {
  return (
    <RequireSession>
      <div className={styles.page}>
        <h1>Studies</h1>
        <StudyForm />
        <StudyList />
      </div>
    </RequireSession>
  );
}
