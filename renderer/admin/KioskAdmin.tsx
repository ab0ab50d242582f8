// The admin's kiosk and printing section: printers per kiosk with their health and the
// ticket's print preview (the VIP register's import is on the imports tab).
import { StaffTheme } from '../ui/StaffTheme';
import { Printers } from './Printers';
import { PrintPreview } from './PrintPreview';
import './kiosk-admin.css';

export function KioskAdmin() {
  return (
    <StaffTheme>
      <div className="kiosk-admin">
        <Printers />
        <div className="kiosk-admin-preview">
          <PrintPreview />
        </div>
      </div>
    </StaffTheme>
  );
}
