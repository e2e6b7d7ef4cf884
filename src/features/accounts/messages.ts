// Strings of the accounts feature, in Japanese and English (t('accounts.…')). Mail templates are under `mail`.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  login: {
    title: 'ログイン',
    email: 'メールアドレス',
    password: 'パスワード',
    submit: 'ログイン',
    failed:
      'ログインできませんでした。メールアドレスとパスワードを確認してください。失敗が続くと、アカウントは一時的にロックされます。',
    forgot: 'パスワードをお忘れの方',
    notices: {
      passwordReset: 'パスワードを再設定しました。新しいパスワードでログインしてください。',
      locked:
        '確認コードの誤りが続いたため、アカウントを一時的にロックしました。{{minutes}}分ほど待ってから、もう一度ログインしてください。',
      signedOutEverywhere: 'すべての端末からログアウトしました。',
    },
  },
  mfa: {
    setup: {
      title: '二要素認証の設定',
      required: '受付機関・調整機関の職員アカウントでは、二要素認証（認証アプリ）の設定が必須です。',
      stepApp: 'スマートフォンなどに認証アプリ（TOTP 対応のもの）を用意します。',
      stepScan: '認証アプリで QR コードを読み取るか、下の鍵を手入力します。',
      qrAlt: '認証アプリに登録するための QR コード（下に表示した鍵と同じ内容）',
      secretLabel: '手入力用の鍵:',
      stepCode: '認証アプリに表示された6桁のコードを入力して、設定を完了します。',
      code: '認証アプリの6桁のコード',
      submit: '設定を完了',
      wrongCode: 'コードが一致しません。認証アプリの時刻設定を確認し、新しいコードを入力してください。',
      expired: '設定の有効期限が切れたため、新しい鍵を表示しました。認証アプリに登録し直してください。',
    },
    verify: {
      title: '二要素認証',
      intro: '認証アプリに表示されているコードを入力してください。',
      code: '確認コード',
      hint: '6桁のコード、または認証アプリを使えない場合はリカバリーコード（例: abcde-fghjk）',
      submit: '確認',
      wrongCode: 'コードが正しくありません。',
    },
    recovery: {
      title: 'リカバリーコード',
      enrolled: '二要素認証を有効にしました。',
      intro:
        '認証アプリを使えなくなったときは、次のコードのいずれかを確認コードの代わりに入力できます。各コードは1回だけ使えます。',
      warning: 'これらのコードが表示されるのは今回だけです。印刷するなどして、安全な場所に保管してください。',
      continue: '続ける',
    },
  },
  password: {
    hint: '{{min}}文字以上。覚えやすく長いフレーズがおすすめです。',
    new: '新しいパスワード',
    confirm: '新しいパスワード（確認のため再入力）',
    backToLogin: 'ログイン画面へ戻る',
    forgot: {
      title: 'パスワードの再設定',
      intro:
        '登録しているメールアドレスを入力してください。パスワードを再設定するためのリンクをお送りします。',
      submit: '再設定リンクを送信',
      sent: '入力されたアドレスのアカウントがある場合は、パスワード再設定用のリンクを送信しました。リンクの有効期限は1時間です。メールが届かない場合は、アドレスを確認してもう一度お試しください。',
    },
    reset: {
      title: '新しいパスワードの設定',
      intro:
        '{{email}} の新しいパスワードを設定してください。設定すると、ログイン中の端末はすべてログアウトされます。',
      submit: 'パスワードを設定',
    },
  },
  links: {
    unknown: {
      title: 'リンクが無効です',
      body: 'このリンクは無効です。メールに記載されたリンクを正確に開いてください。',
    },
    expired: { title: 'リンクの有効期限切れ', body: 'このリンクは有効期限が切れています。' },
    used: {
      title: '使用済みのリンク',
      body: 'このリンクはすでに使用されています。リンクは1回だけ使えます。',
    },
    taken: {
      title: '登録済みのアドレス',
      body: 'このメールアドレスのアカウントはすでに登録されています。ログインしてください。',
    },
    requestNewReset: '新しい再設定リンクを請求する',
    askNewInvitation: '招待した管理者に、新しい招待を依頼してください。',
  },
  invitation: {
    title: '招待の受諾',
    intro:
      '{{organization}}（{{type}}）から「{{role}}」として招待されています。表示名とパスワードを設定して、アカウントを作成してください。',
    expires: '招待の有効期限',
    displayName: '表示名（氏名など）',
    submit: 'アカウントを作成',
  },
  account: {
    title: 'アカウント',
    currentPassword: '現在のパスワード',
    notices: {
      preferences: '表示設定を保存しました。',
      password: 'パスワードを変更しました。他の端末はログアウトされました。',
      mfaEnabled: '二要素認証を有効にしました。',
      mfaDisabled: '二要素認証を無効にしました。',
      tokenRevoked: 'API トークンを無効化しました。',
    },
    profile: {
      heading: 'プロフィール',
      name: '表示名',
      organization: '組織',
      individual: '個人（組織に所属していません）',
      role: '役割',
    },
    preferences: { heading: '表示設定', locale: '表示言語' },
    password: {
      heading: 'パスワードの変更',
      note: '変更すると、この端末以外のログインはすべて終了します。',
      submit: 'パスワードを変更',
    },
    mfa: {
      heading: '二要素認証',
      enabled: '有効（{{at}} から）。',
      disabled: '無効。',
      required: '職員アカウントでは必須です。',
      optional: 'パスワードに加えて認証アプリのコードを求めることで、アカウントを守れます。',
      enable: '二要素認証を設定する',
      codesLeft: '未使用のリカバリーコード: {{count}} 個',
      regenerate: 'リカバリーコードを再発行',
      regenerateNote: '再発行すると、これまでのリカバリーコードは使えなくなります。',
      disable: '二要素認証を無効にする',
    },
    sessions: {
      heading: 'ログイン中の端末',
      intro: '端末を紛失した場合などは、すべての端末からログアウトできます（この端末も含みます）。',
      submit: 'すべての端末からログアウト',
    },
    tokens: {
      heading: 'API トークン',
      intro:
        'API トークンは、あなたの権限で API を呼び出すための鍵です（Authorization: Bearer …）。トークンそのものは作成時に一度だけ表示されます。',
      none: 'API トークンはありません。',
      name: '名前',
      prefix: '識別子',
      created: '作成日時',
      lastUsed: '最終使用日時',
      expires: '有効期限',
      actions: '操作',
      neverUsed: '未使用',
      noExpiry: 'なし',
      expired: '期限切れ',
      revoke: '無効化',
      revokeNamed: 'トークン「{{name}}」を無効化',
      create: 'API トークンの作成',
      tokenName: '名前（用途がわかるように）',
      tokenExpiry: '有効期間',
      expiry: { '30': '30日', '90': '90日', '365': '1年', never: '無期限' },
      submit: 'トークンを作成',
      createdTitle: '新しい API トークン「{{name}}」',
      createdWarning:
        'このトークンが表示されるのは今回だけです。今すぐコピーして、安全な場所に保管してください。',
    },
  },
  validation: {
    required: '入力してください。',
    tooLong: '長すぎます。',
    choose: '一覧から選んでください。',
    passwordTooShort: '{{min}}文字以上で入力してください。',
    passwordTooLong: '{{max}}文字以内で入力してください。',
    passwordMismatch: '確認のために入力したパスワードが一致しません。',
    currentPasswordWrong: '現在のパスワードが正しくありません。',
    timeZone: 'タイムゾーンを一覧から選んでください。',
    codeFormat: 'コードの形式が正しくありません。',
  },
  errors: {
    emailTaken: 'このメールアドレスはすでに登録されています。',
    mfaAlreadyEnabled: '二要素認証はすでに有効です。',
    mfaNotEnrolled: '二要素認証が設定されていません。',
    mfaMandatory: '職員アカウントでは二要素認証を無効にできません。',
  },
  mail: {
    passwordReset: {
      subject: '[keikai] パスワード再設定のご案内',
      body: '{{name}} 様\n\nパスワード再設定のご依頼を受け付けました。次のリンクから新しいパスワードを設定してください。リンクの有効期限は {{minutes}} 分で、1回だけ使えます。\n\n{{url}}\n\nお心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。\n',
    },
    passwordChanged: {
      subject: '[keikai] パスワードが変更されました',
      body: '{{name}} 様\n\nあなたのアカウントのパスワードが変更され、ログイン中の端末はログアウトされました。\n\nお心当たりがない場合は、ただちに次のリンクからパスワードを再設定し、管理者にご連絡ください。\n\n{{url}}\n',
    },
    mfaDisabled: {
      subject: '[keikai] 二要素認証が無効になりました',
      body: '{{name}} 様\n\nあなたのアカウントの二要素認証が無効にされました。\n\nお心当たりがない場合は、ただちにパスワードを変更し、次のページから二要素認証を設定し直してください。\n\n{{url}}\n',
    },
    invitation: {
      subject: '[keikai] {{organization}} への招待',
      body: '{{inviter}} さんから、{{organization}} のメンバー（{{role}}）として keikai に招待されました。\n\n次のリンクを開き、表示名とパスワードを設定してアカウントを作成してください。リンクの有効期限は {{expires}} で、1回だけ使えます。\n\n{{url}}\n\nお心当たりがない場合は、このメールを破棄してください。\n',
    },
  },
} as const;

const en: Catalog<typeof ja> = {
  login: {
    title: 'Log in',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Log in',
    failed:
      'We could not log you in. Check your e-mail address and password. After repeated failures the account is locked for a while.',
    forgot: 'Forgot your password?',
    notices: {
      passwordReset: 'Your password has been reset. Please log in with the new password.',
      locked:
        'After too many wrong codes the account has been locked for a while. Please wait about {{minutes}} minutes and log in again.',
      signedOutEverywhere: 'You have been logged out on every device.',
    },
  },
  mfa: {
    setup: {
      title: 'Set up two-step verification',
      required:
        'Two-step verification with an authenticator app is required for reception and coordination staff.',
      stepApp: 'Have an authenticator app (one that supports TOTP) ready on your phone or computer.',
      stepScan: 'Scan the QR code with the app, or type in the key below.',
      qrAlt: 'QR code to add this account to an authenticator app (the same as the key shown below)',
      secretLabel: 'Key to type in:',
      stepCode: 'Enter the 6-digit code the app shows to finish.',
      code: '6-digit code from the app',
      submit: 'Finish setup',
      wrongCode: 'The code does not match. Check the time on your device and enter a fresh code.',
      expired: 'The setup had expired, so a new key is shown. Please add it to your app again.',
    },
    verify: {
      title: 'Two-step verification',
      intro: 'Enter the code shown in your authenticator app.',
      code: 'Verification code',
      hint: 'The 6-digit code, or if you cannot use the app, a recovery code (e.g. abcde-fghjk)',
      submit: 'Verify',
      wrongCode: 'The code is not correct.',
    },
    recovery: {
      title: 'Recovery codes',
      enrolled: 'Two-step verification is now on.',
      intro:
        'If you cannot use your authenticator app, enter one of these codes instead of a verification code. Each code works once.',
      warning: 'These codes are shown only this once. Print them or keep them somewhere safe.',
      continue: 'Continue',
    },
  },
  password: {
    hint: 'At least {{min}} characters. A long phrase you can remember works well.',
    new: 'New password',
    confirm: 'New password (again, to confirm)',
    backToLogin: 'Back to log in',
    forgot: {
      title: 'Reset your password',
      intro: 'Enter the e-mail address of your account and we will send you a link to set a new password.',
      submit: 'Send reset link',
      sent: 'If there is an account with that address, we have sent it a link to reset the password. The link is valid for one hour. If no mail arrives, check the address and try again.',
    },
    reset: {
      title: 'Set a new password',
      intro: 'Set a new password for {{email}}. All devices where you are logged in will be logged out.',
      submit: 'Set password',
    },
  },
  links: {
    unknown: {
      title: 'Invalid link',
      body: 'This link is not valid. Please open the exact link from the e-mail.',
    },
    expired: { title: 'Link expired', body: 'This link has expired.' },
    used: { title: 'Link already used', body: 'This link has already been used. Each link works only once.' },
    taken: {
      title: 'Address already registered',
      body: 'An account with this e-mail address already exists. Please log in.',
    },
    requestNewReset: 'Request a new reset link',
    askNewInvitation: 'Please ask the administrator who invited you for a new invitation.',
  },
  invitation: {
    title: 'Accept invitation',
    intro:
      'You have been invited to {{organization}} ({{type}}) as “{{role}}”. Choose a display name and a password to create your account.',
    expires: 'Invitation valid until',
    displayName: 'Display name (e.g. your name)',
    submit: 'Create account',
  },
  account: {
    title: 'Account',
    currentPassword: 'Current password',
    notices: {
      preferences: 'Your preferences have been saved.',
      password: 'Your password has been changed. Other devices have been logged out.',
      mfaEnabled: 'Two-step verification is now on.',
      mfaDisabled: 'Two-step verification has been turned off.',
      tokenRevoked: 'The API token has been revoked.',
    },
    profile: {
      heading: 'Profile',
      name: 'Display name',
      organization: 'Organization',
      individual: 'Individual (no organization)',
      role: 'Role',
    },
    preferences: { heading: 'Preferences', locale: 'Language' },
    password: {
      heading: 'Change password',
      note: 'Changing it logs you out everywhere except on this device.',
      submit: 'Change password',
    },
    mfa: {
      heading: 'Two-step verification',
      enabled: 'On (since {{at}}).',
      disabled: 'Off.',
      required: 'It is required for staff accounts.',
      optional: 'Asking for a code from an authenticator app as well as the password protects your account.',
      enable: 'Set up two-step verification',
      codesLeft: 'Unused recovery codes: {{count}}',
      regenerate: 'Make new recovery codes',
      regenerateNote: 'New codes replace the old ones, which then stop working.',
      disable: 'Turn off two-step verification',
    },
    sessions: {
      heading: 'Devices logged in',
      intro: 'If you lost a device, you can log out everywhere (this device included).',
      submit: 'Log out everywhere',
    },
    tokens: {
      heading: 'API tokens',
      intro:
        'An API token calls the API with your rights (Authorization: Bearer …). The token itself is shown only once, when it is created.',
      none: 'You have no API tokens.',
      name: 'Name',
      prefix: 'Identifier',
      created: 'Created',
      lastUsed: 'Last used',
      expires: 'Expires',
      actions: 'Actions',
      neverUsed: 'Never',
      noExpiry: 'Never',
      expired: 'expired',
      revoke: 'Revoke',
      revokeNamed: 'Revoke token “{{name}}”',
      create: 'Create an API token',
      tokenName: 'Name (what it is for)',
      tokenExpiry: 'Valid for',
      expiry: { '30': '30 days', '90': '90 days', '365': '1 year', never: 'No expiry' },
      submit: 'Create token',
      createdTitle: 'New API token “{{name}}”',
      createdWarning: 'This token is shown only this once. Copy it now and keep it somewhere safe.',
    },
  },
  validation: {
    required: 'Please fill this in.',
    tooLong: 'This is too long.',
    choose: 'Please choose from the list.',
    passwordTooShort: 'Use at least {{min}} characters.',
    passwordTooLong: 'Use at most {{max}} characters.',
    passwordMismatch: 'The two passwords do not match.',
    currentPasswordWrong: 'The current password is not correct.',
    timeZone: 'Please choose a time zone from the list.',
    codeFormat: 'The code is not in the expected form.',
  },
  errors: {
    emailTaken: 'This e-mail address is already registered.',
    mfaAlreadyEnabled: 'Two-step verification is already on.',
    mfaNotEnrolled: 'Two-step verification is not set up.',
    mfaMandatory: 'Staff accounts cannot turn off two-step verification.',
  },
  mail: {
    passwordReset: {
      subject: '[keikai] Resetting your password',
      body: 'Dear {{name}},\n\nWe received a request to reset your password. Open this link to set a new one. It is valid for {{minutes}} minutes and works once.\n\n{{url}}\n\nIf you did not ask for this, ignore this mail; your password stays as it is.\n',
    },
    passwordChanged: {
      subject: '[keikai] Your password was changed',
      body: 'Dear {{name}},\n\nThe password of your account was changed, and devices that were logged in have been logged out.\n\nIf this was not you, reset your password at once with this link and tell your administrator.\n\n{{url}}\n',
    },
    mfaDisabled: {
      subject: '[keikai] Two-step verification was turned off',
      body: 'Dear {{name}},\n\nTwo-step verification was turned off for your account.\n\nIf this was not you, change your password at once and set up two-step verification again here:\n\n{{url}}\n',
    },
    invitation: {
      subject: '[keikai] Invitation to {{organization}}',
      body: '{{inviter}} has invited you to keikai as a member of {{organization}} ({{role}}).\n\nOpen this link to choose a display name and a password and create your account. It is valid until {{expires}} and works once.\n\n{{url}}\n\nIf you were not expecting this, ignore this mail.\n',
    },
  },
};

export const messages = { ja, en };
