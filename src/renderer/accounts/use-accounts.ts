import { useCallback, useEffect, useRef, useState } from 'react';
import type { Accounts, RequestOf } from '../../shared/ipc-contract';
import type { ErrorKind } from '../../shared/upload-error-data';
import { callMtp } from '../mtp-call';

export type Service = RequestOf<'accounts:connect'>['service'];
export type SignInMethod = RequestOf<'accounts:connect'>['method'];

/** Per service: a sign-in waiting for the user, a sign-out under way, and the last error's words. */
export interface ServiceActivity {
  signingIn?: SignInMethod;
  signingOut?: boolean;
  error?: string;
  /** The last error's kind: `athlete-cap` and `app-inactive` call for the user's own Strava API app. */
  errorKind?: ErrorKind;
}

/** Whether a sign-in failed because the Strava API app in use cannot take this athlete. */
export function needsOwnStravaApp(activity: ServiceActivity): boolean {
  return activity.errorKind === 'athlete-cap' || activity.errorKind === 'app-inactive';
}

export interface AccountsState {
  accounts: Accounts | undefined;
  loadError: string | undefined;
  activity: Record<Service, ServiceActivity>;
  reload: () => Promise<void>;
  connect: (service: Service, method: SignInMethod) => Promise<void>;
  cancel: (service: Service) => Promise<void>;
  disconnect: (service: Service) => Promise<void>;
}

/** Who is connected where, and the sign-in / sign-out actions with their waiting states. */
export function useAccounts(): AccountsState {
  const [accounts, setAccounts] = useState<Accounts>();
  const [loadError, setLoadError] = useState<string>();
  const [activity, setActivity] = useState<Record<Service, ServiceActivity>>({
    strava: {},
    mtpw: {},
  });
  // A cancelled sign-in ends with an error the user asked for: not worth showing.
  const cancelled = useRef(new Set<Service>());

  const patch = useCallback((service: Service, next: ServiceActivity) => {
    setActivity((all) => ({ ...all, [service]: next }));
  }, []);

  const reload = useCallback(async () => {
    const result = await callMtp('accounts:get', {});
    if (result.ok) {
      setAccounts(result.value);
      setLoadError(undefined);
    } else {
      setLoadError(result.error.message);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const connect = useCallback(
    async (service: Service, method: SignInMethod) => {
      cancelled.current.delete(service);
      patch(service, { signingIn: method });
      const result = await callMtp('accounts:connect', { service, method });
      if (result.ok) {
        setAccounts(result.value);
        patch(service, {});
      } else {
        const quiet = cancelled.current.delete(service);
        patch(service, quiet ? {} : { error: result.error.message, errorKind: result.error.kind });
      }
    },
    [patch],
  );

  const cancel = useCallback(async (service: Service) => {
    cancelled.current.add(service);
    await callMtp('accounts:cancelConnect', { service });
  }, []);

  const disconnect = useCallback(
    async (service: Service) => {
      patch(service, { signingOut: true });
      const result = await callMtp('accounts:disconnect', { service });
      if (result.ok) {
        setAccounts(result.value);
        patch(service, {});
      } else {
        patch(service, { error: result.error.message });
      }
    },
    [patch],
  );

  return { accounts, loadError, activity, reload, connect, cancel, disconnect };
}
