// A paired manager tablet reads the lobby but may not act (the hub answers 403): instead of
// buttons that fail, it says so and offers "sign in to act", the staff sign-in in a dialog.
// Once a manager signs in, the tablet's device token is kept aside (auth/session.ts) and the
// console shows every action; signing out returns it to the read-only view.
import { LoginOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginForm } from '../auth/LoginForm';

export function TabletSignIn() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<LoginOutlined />} onClick={() => setOpen(true)} data-testid="sign-in-to-act">
        {t('tablet.signInToAct')}
      </Button>
      <Modal open={open} title={t('tablet.signInTitle')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        {/* A successful sign-in replaces the session, which re-renders the console with its actions. */}
        <LoginForm screen="manager" roles={['manager']} />
      </Modal>
    </>
  );
}

/** The line above the read-only console. */
export function ReadOnlyNote() {
  const { t } = useTranslation();
  return (
    <p className="read-only-note" data-testid="read-only-note">
      {t('tablet.readOnly')}
    </p>
  );
}
