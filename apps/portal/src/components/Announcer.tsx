import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from '../lib/i18n/i18n';

type Politeness = 'polite' | 'assertive';

interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
}

interface AnnouncerApi {
  /** Says something to screen readers without showing it. */
  announce: (message: string, politeness?: Politeness) => void;
  /** Shows a message that belongs to no field (and announces it). */
  toast: (message: string, kind?: Toast['kind']) => void;
}

const Context = createContext<AnnouncerApi>({ announce: () => undefined, toast: () => undefined });

/**
 * Two live regions that exist from the first render (a region added together with its
 * text is not announced), and a toast list for errors with no field.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);

  const announce = useCallback((message: string, politeness: Politeness = 'polite') => {
    const set = politeness === 'assertive' ? setAssertive : setPolite;
    set('');
    // A fresh text node on the next frame makes repeated messages heard again.
    requestAnimationFrame(() => set(message));
  }, []);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((item) => item.id !== id));
  }, []);

  const toast = useCallback(
    (message: string, kind: Toast['kind'] = 'info') => {
      const id = next.current++;
      setToasts((list) => [...list.slice(-3), { id, message, kind }]);
      announce(message, kind === 'error' ? 'assertive' : 'polite');
      if (kind === 'info') setTimeout(() => dismiss(id), 8000);
    },
    [announce, dismiss],
  );

  const value = useMemo(() => ({ announce, toast }), [announce, toast]);
  return (
    <Context.Provider value={value}>
      {children}
      <div
        className="visually-hidden"
        aria-live="polite"
        aria-atomic="true"
        data-testid="live-polite"
      >
        {polite}
      </div>
      <div
        className="visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="live-assertive"
      >
        {assertive}
      </div>
      <section className="toasts" aria-label={t('error.summaryTitle')} hidden={toasts.length === 0}>
        {toasts.map((item) => (
          <div key={item.id} className="toast" data-kind={item.kind}>
            <p>{item.message}</p>
            <button type="button" className="button-link" onClick={() => dismiss(item.id)}>
              {t('close')}
            </button>
          </div>
        ))}
      </section>
    </Context.Provider>
  );
}

export function useAnnouncer(): AnnouncerApi {
  return useContext(Context);
}
