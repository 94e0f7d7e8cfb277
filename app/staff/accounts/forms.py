"""Sign-in and password forms. Staff pages are in English, so the messages are written here directly."""

from flask_wtf import FlaskForm
from wtforms import Field, PasswordField, StringField, ValidationError
from wtforms.validators import DataRequired, EqualTo, InputRequired

from app.staff.accounts.service import looks_like_email

WRONG_EMAIL_OR_PASSWORD = "The email or password is not right. Check them and try again."


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _email_shape(_form, field: Field) -> None:
    if field.data and not looks_like_email(field.data):
        raise ValidationError("Write an email address, like name@example.org.")


class SignInForm(FlaskForm):
    email = StringField(
        "Email address", filters=[_strip], validators=[DataRequired("Write your email address."), _email_shape]
    )
    password = PasswordField("Password", validators=[InputRequired("Write your password.")])


class EmailLinkForm(FlaskForm):
    """Asks for a link by email: to choose a new password, or to sign in."""

    email = StringField(
        "Email address", filters=[_strip], validators=[DataRequired("Write your email address."), _email_shape]
    )


class ResetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[InputRequired("Write a new password.")])
    confirm = PasswordField(
        "New password again",
        validators=[
            InputRequired("Write the new password again."),
            EqualTo("password", "The two passwords are not the same. Write the same password in both boxes."),
        ],
    )


class UseSignInLinkForm(FlaskForm):
    """Only its CSRF token: pressing the button is what uses the link."""


WRONG_CODE = "That code is not right. Type the 6 numbers the app shows now."


def _code_shape(_form, field: Field) -> None:
    from app.staff.accounts.two_step import CODE_LENGTH, clean_code

    code = clean_code(field.data)
    if code and (len(code) != CODE_LENGTH or not code.isdigit()):
        raise ValidationError("The code is 6 numbers, like 123456. Type the numbers the app shows now.")


class CodeForm(FlaskForm):
    """A 6-digit code from the authenticator app: at sign-in, and to finish setting it up."""

    code = StringField(
        "Code from the app", filters=[_strip], validators=[DataRequired("Type the code from the app."), _code_shape]
    )


def _recovery_shape(_form, field: Field) -> None:
    from app.staff.accounts.two_step import recovery_shape

    if field.data and not recovery_shape(field.data):
        raise ValidationError("A recovery code is 10 letters and numbers, like hk4sw-9tmra. Check it and try again.")


class RecoveryCodeForm(FlaskForm):
    """At sign-in, for a lost or broken phone: one of the account's recovery codes in place of the app's code."""

    code = StringField(
        "Recovery code",
        filters=[_strip],
        validators=[DataRequired("Type one of your recovery codes."), _recovery_shape],
    )


class TurnOffTwoStepForm(FlaskForm):
    password = PasswordField("Your password", validators=[InputRequired("Write your password.")])


class NewRecoveryCodesForm(TurnOffTwoStepForm):
    """New recovery codes need the password again, like turning two-step sign-in off."""
