import { Image, Skeleton } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { authText as t } from './strings';

/**
 * The otpauth:// link of a new two-factor secret as a QR code, drawn in the browser (the secret
 * never goes to another service), for the authenticator app to scan; the key stays shown as text
 * beside it for a phone that cannot scan.
 */
export function TotpQr(props: { uri: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(props.uri, { errorCorrectionLevel: 'M', margin: 2, width: 200 }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [props.uri]);
  if (!src) return <Skeleton w={200} h={200} />;
  return <Image src={src} w={200} h={200} alt={t.account.totpQrAlt} data-testid="totp-qr" />;
}
