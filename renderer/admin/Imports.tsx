// The admin's imports tab: the VIP register and appointments, each from a CSV or .xlsx.
import { AppointmentImport } from './AppointmentImport';
import { VipImport } from './VipImport';

export function Imports() {
  return (
    <>
      <VipImport />
      <AppointmentImport />
    </>
  );
}
