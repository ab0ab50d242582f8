// The admin's kiosk and printing section: printers per kiosk with their health, the VIP
// register import, and the ticket's print preview.
import { StaffTheme } from '../ui/StaffTheme';
import { Printers } from './Printers';
import { PrintPreview } from './PrintPreview';
import { VipImport } from './VipImport';
import './kiosk-admin.css';

export function KioskAdmin() {
  return (
    <StaffTheme>
      <div className="kiosk-admin">
        <Printers />
        <div className="kiosk-admin-row">
          <VipImport />
          <PrintPreview />
        </div>
      </div>
    </StaffTheme>
  );
}
